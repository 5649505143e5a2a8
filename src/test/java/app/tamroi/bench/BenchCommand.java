package app.tamroi.bench;

/**
 * One phase of deploy/bench/run.sh per call, in a JVM of its own: {@code ceiling NAME},
 * {@code produce}, {@code await-kafka}, {@code http}, {@code latency}, {@code seed}, {@code forecast-share},
 * {@code table}.
 */
public final class BenchCommand {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: BenchCommand ceiling NAME | produce | await-kafka | http | latency | seed | forecast-share | table");
            System.exit(2);
        }
        BenchSettings settings = BenchSettings.fromSystemProperties();
        BenchResults results = BenchResults.fromSystemProperty();
        switch (args[0]) {
            case "ceiling" -> PostgresInsertCeiling.run(settings, results, "ceiling." + (args.length > 1 ? args[1] : "run"));
            case "produce" -> ProduceToKafka.run(settings, results);
            case "await-kafka" -> AwaitKafkaIngestion.run(settings, results);
            case "http" -> PostBatchesOverHttp.run(settings, results);
            case "latency" -> ProduceToVisibleLatency.run(settings, results);
            case "seed" -> SeedApplications.run(settings, results);
            case "forecast-share" -> ForecastShare.run(settings, results);
            case "table" -> System.out.print(PrintBenchTable.render(results));
            default -> {
                System.err.println("unknown phase " + args[0]);
                System.exit(2);
            }
        }
    }
}
