package app.rungs.shared.db;

import app.rungs.shared.service.ControlCharacters;
import app.rungs.shared.service.ValidationException;
import jakarta.annotation.PostConstruct;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.internal.SessionFactoryImpl;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

/**
 * The second line behind {@link ControlCharacters}: refuses text with control characters in any entity before it
 * is written, for text that reaches an entity without passing a service argument (parsed from an uploaded file).
 */
@Component
class ControlCharacterGuard implements PreInsertEventListener, PreUpdateEventListener {

    private final EntityManagerFactory entityManagerFactory;

    ControlCharacterGuard(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @PostConstruct
    void register() {
        var registry = entityManagerFactory
                .unwrap(SessionFactoryImpl.class)
                .getServiceRegistry()
                .requireService(EventListenerRegistry.class);
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
