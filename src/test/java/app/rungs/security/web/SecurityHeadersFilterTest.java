package app.rungs.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** HSTS only over TLS (as Tomcat reports it, also behind a trusted proxy), and redirects made relative. */
class SecurityHeadersFilterTest {

    private MockHttpServletResponse run(MockHttpServletRequest request, String redirect) throws Exception {
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(
                    jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                    throws java.io.IOException {
                if (redirect != null) {
                    res.sendRedirect(redirect);
                }
            }
        });
        new SecurityHeadersFilter().doFilter(request, response, chain);
        return response;
    }

    @Test
    void hstsIsSentOverTlsOnly() throws Exception {
        var secure = new MockHttpServletRequest("GET", "/");
        secure.setSecure(true);
        secure.setScheme("https");
        assertThat(run(secure, null).getHeader("Strict-Transport-Security")).startsWith("max-age=31536000");
        assertThat(run(new MockHttpServletRequest("GET", "/"), null).getHeader("Strict-Transport-Security"))
                .isNull();
    }

    @Test
    void redirectsBuiltFromTheRequestsOwnHostBecomeRelative() throws Exception {
        var request = new MockHttpServletRequest("GET", "/people");
        request.setServerName("evil.example");
        request.setServerPort(80);
        var response = run(request, "http://evil.example/login?error#top");
        assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_FOUND);
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?error#top");

        var elsewhere = run(request, "https://idp.example.com/authorize");
        assertThat(elsewhere.getRedirectedUrl()).isEqualTo("https://idp.example.com/authorize");
    }

    @Test
    void eachResponseGetsItsOwnNonceInThePolicy() throws Exception {
        var request = new MockHttpServletRequest("GET", "/");
        var policy = run(request, null).getHeader("Content-Security-Policy");
        var nonce = (String) request.getAttribute(SecurityHeadersFilter.NONCE_ATTRIBUTE);
        assertThat(policy).contains("'nonce-" + nonce + "'");
        assertThat(run(new MockHttpServletRequest("GET", "/"), null).getHeader("Content-Security-Policy"))
                .doesNotContain(nonce);
    }
}
