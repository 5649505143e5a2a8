package app.tamroi.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which methods each path takes, read from the resources' own annotations, for the Allow header of
 * a 405 (which Quarkus REST sends without one). GET brings HEAD with it, and every path takes
 * OPTIONS, as Quarkus REST answers both by itself.
 */
@ApplicationScoped
public class AllowedMethods {

    private record Route(Pattern path, String method) {
    }

    private final List<Route> routes = new ArrayList<>();

    public AllowedMethods(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> resource = bean.getBeanClass();
            Path base = resource.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : resource.getMethods()) {
                String method = httpMethod(m);
                if (method != null) {
                    Path sub = m.getAnnotation(Path.class);
                    routes.add(new Route(pattern(base.value() + "/" + (sub == null ? "" : sub.value())), method));
                }
            }
        }
    }

    /** The methods a path takes, in the order an Allow header lists them; empty for a path nothing serves. */
    public Set<String> at(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            if (route.path().matcher(path).matches()) {
                allowed.add(route.method());
                if (route.method().equals(HttpMethod.GET)) {
                    allowed.add(HttpMethod.HEAD);
                }
            }
        }
        if (!allowed.isEmpty()) {
            allowed.add(HttpMethod.OPTIONS);
        }
        return allowed;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod method = a.annotationType().getAnnotation(HttpMethod.class);
            if (method != null) {
                return method.value();
            }
        }
        return null;
    }

    /** A JAX-RS path template as a regular expression: {name} is one segment, {name: regex} its own regex. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        String slashed = template.replaceAll("/+", "/");
        // a trailing slash is optional, as for the router
        String path = slashed.endsWith("/") ? slashed.substring(0, slashed.length() - 1) : slashed;
        int i = 0;
        while (i < path.length()) {
            int open = path.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(path.substring(i)));
                break;
            }
            if (open > i) {
                regex.append(Pattern.quote(path.substring(i, open)));
            }
            int depth = 0;
            int close = open;
            for (; close < path.length(); close++) {
                char c = path.charAt(close);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String variable = path.substring(open + 1, close);
            int colon = variable.indexOf(':');
            regex.append(colon < 0 ? "[^/]+" : "(?:" + variable.substring(colon + 1).strip() + ")");
            i = close + 1;
        }
        return Pattern.compile(regex + "/?");
    }
}
