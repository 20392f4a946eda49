package app.rungs.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Turns redirects that frameworks build from the request's own Host header (Spring Security's login entry point,
 * the saved request after sign-in) into relative ones, so a forged Host never reaches a Location header. Redirects
 * to other origins are left alone; Rungs itself never issues them.
 */
final class RelativeRedirects extends HttpServletResponseWrapper {

    private final HttpServletRequest request;

    RelativeRedirects(HttpServletRequest request, HttpServletResponse response) {
        super(response);
        this.request = request;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        super.sendRedirect(relative(location));
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        super.sendRedirect(relative(location), clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        super.sendRedirect(relative(location), sc, clearBuffer);
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, "Location".equalsIgnoreCase(name) ? relative(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
        super.addHeader(name, "Location".equalsIgnoreCase(name) ? relative(value) : value);
    }

    private String relative(String location) {
        if (location == null) {
            return null;
        }
        try {
            var uri = new URI(location);
            if (!uri.isAbsolute() || !sameOriginAsRequest(uri)) {
                return location;
            }
            var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (URISyntaxException e) {
            return location;
        }
    }

    private boolean sameOriginAsRequest(URI uri) {
        return uri.getScheme().equalsIgnoreCase(request.getScheme())
                && uri.getHost() != null
                && uri.getHost().equalsIgnoreCase(request.getServerName())
                && port(uri.getPort(), uri.getScheme()) == request.getServerPort();
    }

    private static int port(int port, String scheme) {
        if (port != -1) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
