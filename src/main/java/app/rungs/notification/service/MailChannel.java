package app.rungs.notification.service;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The email channel's configuration. Email is on exactly when Spring Boot configured a mail sender, i.e. when
 * {@code spring.mail.host} is set; the rest comes from {@code rungs.mail.*} (see README, "Email"), checked at start-up
 * so a wrong sender or base URL fails the start instead of every later send.
 */
@Component
class MailChannel {

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final String baseUrl;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final int batchSize;

    MailChannel(
            ObjectProvider<JavaMailSender> sender,
            @Value("${rungs.mail.from:Rungs <rungs@localhost>}") String from,
            @Value("${rungs.mail.base-url:http://localhost:8080}") String baseUrl,
            @Value("${rungs.mail.max-attempts:6}") int maxAttempts,
            @Value("${rungs.mail.retry-delay:1m}") Duration retryDelay,
            @Value("${rungs.mail.batch-size:50}") int batchSize) {
        this.sender = sender.getIfAvailable();
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("rungs.mail.from is not an email address: " + from, e);
        }
        this.baseUrl = checkedBaseUrl(baseUrl);
        if (maxAttempts < 1 || batchSize < 1 || retryDelay.isNegative()) {
            throw new IllegalStateException(
                    "rungs.mail.max-attempts and rungs.mail.batch-size must be at least 1, rungs.mail.retry-delay"
                            + " not negative");
        }
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
        this.batchSize = batchSize;
    }

    private static String checkedBaseUrl(String value) {
        var trimmed = value.strip().replaceAll("/+$", "");
        try {
            var uri = URI.create(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalStateException(
                "rungs.mail.base-url must be the absolute http(s) address users open Rungs at, e.g."
                        + " https://rungs.example.com; got: " + value);
    }

    boolean enabled() {
        return sender != null;
    }

    JavaMailSender sender() {
        if (sender == null) {
            throw new IllegalStateException("Email is not configured (spring.mail.host is not set)");
        }
        return sender;
    }

    InternetAddress from() {
        return from;
    }

    /** The absolute address of an in-app route such as {@code promotions/42}. */
    String url(String route) {
        return route == null || route.isBlank() ? baseUrl + "/" : baseUrl + "/" + route;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** The wait before the given (1-based) retry: the delay doubled per failed attempt, at most a day. */
    Duration backoff(int failedAttempts) {
        var factor = 1L << Math.min(Math.max(failedAttempts - 1, 0), 16);
        var wait = retryDelay.multipliedBy(factor);
        return wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait;
    }

    int batchSize() {
        return batchSize;
    }
}
