package app.rungs.shared.db;

import app.rungs.shared.service.ControlCharacters;
import app.rungs.shared.service.ValidationException;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * The second line behind {@link ControlCharacters}: refuses text with control characters in any entity before it
 * is written, for text that reaches an entity without passing a service argument (parsed from an uploaded file).
 */
@Component
class ControlCharacterGuard
        implements PreInsertEventListener, PreUpdateEventListener, HibernatePropertiesCustomizer, Integrator {

    /**
     * Registers the listeners while Hibernate builds its session factory (on Boot's bootstrap thread, see
     * docs/decisions/0028-startup.md), so no bean waits for the EntityManagerFactory during start-up.
     */
    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.put("hibernate.integrator_provider", (IntegratorProvider) () -> List.of(this));
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext context, SessionFactoryImplementor sessionFactory) {
        var registry = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.PRE_INSERT, this);
        registry.appendListeners(EventType.PRE_UPDATE, this);
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        check(event.getPersister(), event.getState());
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        check(event.getPersister(), event.getState());
        return false;
    }

    private static void check(EntityPersister persister, Object[] state) {
        var names = persister.getPropertyNames();
        for (int i = 0; i < state.length; i++) {
            if (state[i] instanceof String text && ControlCharacters.containsControlCharacter(text)) {
                throw new ValidationException(ControlCharacters.message(names[i]));
            }
        }
    }
}
