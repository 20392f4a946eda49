package app.rungs.shared.domain;

import jakarta.persistence.MappedSuperclass;
import org.hibernate.Hibernate;

/** Identity semantics shared by all entities: equal when of the same class and id. */
@MappedSuperclass
public abstract class AbstractEntity {

    public abstract Long getId();

    @Override
    public final boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || Hibernate.getClass(this) != Hibernate.getClass(other)) {
            return false;
        }
        var id = getId();
        return id != null && id.equals(((AbstractEntity) other).getId());
    }

    @Override
    public final int hashCode() {
        return Hibernate.getClass(this).hashCode();
    }
}
