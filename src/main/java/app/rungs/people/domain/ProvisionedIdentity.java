package app.rungs.people.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What an identity provider calls a person it provisioned: its externalId and the employee number it sends. */
@Entity
@Table(name = "provisioned_person")
public class ProvisionedIdentity extends AbstractEntity {

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "employee_number")
    private String employeeNumber;

    @Version
    private long version;

    protected ProvisionedIdentity() {}

    public ProvisionedIdentity(Long personId) {
        this.personId = personId;
    }

    @Override
    public Long getId() {
        return personId;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getEmployeeNumber() {
        return employeeNumber;
    }

    public void setEmployeeNumber(String employeeNumber) {
        this.employeeNumber = employeeNumber;
    }
}
