package app.tamroi.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReliabilityChartTest {

    private static final double[] SHARES = {0.04, 0.11, 0.14, 0.2, 0.26, 0.29, 0.33, 0.41, 0.44, 0.52, 0.55, 0.59, 0.66, 0.71,
            0.74, 0.79, 0.86, 0.9, 0.96};

    private static Calibration.Figures figures() {
        return new Calibration.Figures(1234, SHARES, 1.5, 3.0, 2.0, 2.5);
    }

    @Test
    void drawsOnePointPerLevelOnALineFromLowToHighAndMarksP50AndP80() throws Exception {
        Document svg = parse(ReliabilityChart.svg("Reliability: a & b", figures()));

        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals(19, svg.getElementsByTagName("circle").getLength());
        String[] points = ((Element) svg.getElementsByTagName("polyline").item(0)).getAttribute("points").split(" ");
        assertEquals(19, points.length);
        double firstY = Double.parseDouble(points[0].split(",")[1]);
        double lastY = Double.parseDouble(points[18].split(",")[1]);
        assertTrue(lastY < firstY, "a higher share is drawn higher");
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("p50: 52.0 %"), text);
        assertTrue(text.contains("p80: 79.0 %"), text);
        assertTrue(text.contains("Reliability: a & b"), text);
    }

    @Test
    void describesEveryLevelInWordsForThoseWhoCannotSeeIt() throws Exception {
        Document svg = parse(ReliabilityChart.svg("Reliability", figures()));

        String desc = svg.getElementsByTagName("desc").item(0).getTextContent();
        assertTrue(desc.contains("5 %: 4.0 %") && desc.contains("80 %: 79.0 %") && desc.contains("95 %: 96.0 %"), desc);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
