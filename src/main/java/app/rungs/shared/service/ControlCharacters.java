package app.rungs.shared.service;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;

/**
 * Refuses text with control characters (anything below U+0020 other than tab, line feed and carriage return, and
 * DEL) in every argument of every service call, before the service runs: PostgreSQL cannot store a NUL byte, and
 * it used to surface as "Something went wrong" with the raw text in the log. Checks strings, collections and maps
 * of strings, and the components of records (input objects); the message names the field, never echoes the text.
 */
@Configuration(proxyBeanMethods = false)
public class ControlCharacters {

    private static final int MAX_DEPTH = 4;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor controlCharacterAdvisor() {
        MethodInterceptor interceptor = invocation -> {
            var parameters = invocation.getMethod().getParameters();
            var arguments = invocation.getArguments();
            for (int i = 0; i < arguments.length; i++) {
                check(parameters[i].getName(), arguments[i], 0);
            }
            return invocation.proceed();
        };
        var advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(Service.class, true), interceptor);
        // Right inside the conflict translation, before the transaction starts: nothing is read or written.
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return advisor;
    }

    /** True when the text holds a character other than tab, LF and CR below U+0020, or DEL. */
    public static boolean containsControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** The message for a field holding a control character; the text itself is never part of it. */
    public static String message(String field) {
        return label(field) + " contains an invisible control character (such as a NUL byte, often pasted from"
                + " another program). Remove it and try again.";
    }

    private static void check(String name, Object value, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence text) {
            if (containsControlCharacter(text)) {
                throw new ValidationException(message(name));
            }
        } else if (value instanceof Collection<?> items) {
            for (var item : items) {
                check(name, item, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                check(name, entry.getKey(), depth + 1);
                check(entry.getKey() instanceof String key ? key : name, entry.getValue(), depth + 1);
            }
        } else if (value instanceof Object[] array) {
            for (var item : array) {
                check(name, item, depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    check(component.getName(), component.getAccessor().invoke(value), depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + component.getName(), e);
                }
            }
        }
    }

    /** "justificationText" becomes "Justification text". */
    static String label(String name) {
        var words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? "A field" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
