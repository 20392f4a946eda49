package app.rungs.shared.service;

import jakarta.persistence.OptimisticLockException;
import org.aopalliance.intercept.MethodInterceptor;
import org.hibernate.StaleStateException;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * At the edge of every service, after its transaction has committed or rolled back: a lost optimistic-locking race
 * (two saves at the same moment; the version check passed for both, the database refused the second at commit)
 * becomes the same {@link ConcurrentEditException} that the services' own version checks throw, and a
 * {@link ValidationException} raised while flushing is passed on unwrapped. Views then show the friendly conflict or
 * validation message instead of "Something went wrong".
 */
@Configuration(proxyBeanMethods = false)
public class ConflictTranslation {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor conflictTranslationAdvisor() {
        MethodInterceptor interceptor = invocation -> {
            try {
                return invocation.proceed();
            } catch (ConcurrentEditException | ValidationException e) {
                throw e;
            } catch (RuntimeException e) {
                var translated = translate(e);
                if (translated != null) {
                    throw translated;
                }
                throw e;
            }
        };
        var advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(Service.class, true), interceptor);
        // Outermost: around the transaction, so failures at commit are seen too.
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    /** The user-facing exception for a failure, or null when it is not a conflict or a validation problem. */
    public static RuntimeException translate(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause()) {
            if (t instanceof ValidationException v) {
                return v;
            }
            if (t instanceof ConcurrentEditException c) {
                return c;
            }
            if (t instanceof OptimisticLockingFailureException
                    || t instanceof OptimisticLockException
                    || t instanceof StaleStateException) {
                return new ConcurrentEditException("This item");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
