package app.rungs.security.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Security headers on every response, and which proxies may tell Rungs the client's address and scheme. */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        // Before Spring Security, so its redirects and refusals carry the headers too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Honours X-Forwarded-For / -Proto / -Host / -Port only from {@code rungs.security.trusted-proxies}. Spring
     * Boot's own default trusts every private and loopback address, so a client on the same network could forge
     * its address, or claim HTTPS; here nothing is trusted unless configured.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxiesCustomizer(
            @Value("${rungs.security.trusted-proxies:}") String trustedProxies) {
        var internalProxies = TrustedProxies.toTomcatInternalProxies(trustedProxies);
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.getEngineValves().stream()
                        .filter(RemoteIpValve.class::isInstance)
                        .map(RemoteIpValve.class::cast)
                        .forEach(valve -> {
                            valve.setInternalProxies(internalProxies);
                            valve.setTrustedProxies(null);
                        });
            }
        };
    }
}
