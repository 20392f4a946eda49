package app.rungs.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The source address of a request, for throttling and the audit log.
 *
 * <p>Starts from {@link HttpServletRequest#getRemoteAddr()}, which is already the client when Tomcat's remote-IP valve
 * (server.forward-headers-strategy) has processed the forwarded headers. Only when that peer is one of
 * {@code rungs.security.trusted-proxies} is {@code X-Forwarded-For} read, from the right, skipping trusted proxies:
 * the first untrusted hop is the client. A client can prepend anything to the header, so the left end is never
 * trusted blindly.
 */
@Component
class ClientAddress {

    private static final Pattern IP = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

    private final List<IpAddressMatcher> trusted;

    ClientAddress(SignInProperties properties) {
        this.trusted =
                properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    String of(HttpServletRequest request) {
        var peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return peer;
        }
        var forwarded = request.getHeaders("X-Forwarded-For");
        var hops = new java.util.ArrayList<String>();
        while (forwarded != null && forwarded.hasMoreElements()) {
            for (var hop : forwarded.nextElement().split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            var hop = hops.get(i);
            if (!IP.matcher(hop).matches()) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        if (address == null || !IP.matcher(address).matches()) {
            return false;
        }
        for (var matcher : trusted) {
            try {
                if (matcher.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }
}
