package app.rungs.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How rungs.security.trusted-proxies becomes Tomcat's list of proxies whose forwarding headers count. */
class TrustedProxiesTest {

    @Test
    void emptyTrustsNoProxy() {
        assertThat(TrustedProxies.toTomcatInternalProxies("")).isEmpty();
        assertThat(TrustedProxies.toTomcatInternalProxies(null)).isEmpty();
        assertThat(TrustedProxies.toTomcatInternalProxies("  ")).isEmpty();
    }

    @Test
    void bareAddressesBecomeSingleHostRangesSoTomcatDoesNotReadThemAsARegex() {
        // As a regex, "10.0.0.5" would also match "10a0b0c5"; as CIDR it matches exactly one address.
        assertThat(TrustedProxies.toTomcatInternalProxies("10.0.0.5, 10.1.0.0/16 ,fd00::1"))
                .isEqualTo("10.0.0.5/32,10.1.0.0/16,fd00::1/128");
    }

    @Test
    void aRegexIsPassedOnWhenMarked() {
        assertThat(TrustedProxies.toTomcatInternalProxies("regex:10\\.0\\.0\\.\\d+"))
                .isEqualTo("10\\.0\\.0\\.\\d+");
    }

    @Test
    void anythingElseStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> TrustedProxies.toTomcatInternalProxies("proxy.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'proxy.example.com' is not an IP address or CIDR range");
        assertThatThrownBy(() -> TrustedProxies.toTomcatInternalProxies("regex:(("))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid regular expression");
    }
}
