package app.rungs.people.domain;

import app.rungs.ladder.domain.CommunityAxis;
import app.rungs.ladder.domain.FocusAxis;
import app.rungs.ladder.domain.ScopeAxis;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.hibernate.annotations.Formula;

/** An engineer or manager of the organization. Manager and team are kept as ids to keep loading flat and cheap. */
@Entity
@Table(name = "person")
public class Person extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "people_seq")
    @SequenceGenerator(name = "people_seq", sequenceName = "people_seq", allocationSize = 50)
    private Long id;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(nullable = false)
    private String email;

    @Column(name = "job_title")
    private String jobTitle;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "manager_id")
    private Long managerId;

    // The current level is read from the level history as of today (V15, person_level_on): never stored here, so a
    // change that takes effect later becomes current on its date without anything having to run.
    @Formula("(select c.ladder_id from person_level_on(id, current_date) c)")
    private Long ladderId;

    @Formula("(select c.level_key from person_level_on(id, current_date) c)")
    private String levelKey;

    @Formula("(select c.level_since from person_level_on(id, current_date) c)")
    private LocalDate levelSince;

    @Enumerated(EnumType.STRING)
    private SpecializationTrack specialization;

    /** The track on the person's ladder (on a shared level: the branch they aim for); null = the shared line. */
    @Column(name = "track_key")
    private String trackKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope_axis")
    private ScopeAxis scopeAxis;

    @Enumerated(EnumType.STRING)
    @Column(name = "focus_axis")
    private FocusAxis focusAxis;

    @Enumerated(EnumType.STRING)
    @Column(name = "community_axis")
    private CommunityAxis communityAxis;

    @Column(name = "start_date")
    private LocalDate startDate;

    private boolean active = true;

    @Column(name = "left_date")
    private LocalDate leftDate;

    @Version
    private long version;

    protected Person() {}

    public Person(String fullName, String email) {
        this.fullName = fullName;
        this.email = email;
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public Long getTeamId() {
        return teamId;
    }

    public void setTeamId(Long teamId) {
        this.teamId = teamId;
    }

    public Long getManagerId() {
        return managerId;
    }

    public void setManagerId(Long managerId) {
        this.managerId = managerId;
    }

    public Long getLadderId() {
        return ladderId;
    }

    public String getLevelKey() {
        return levelKey;
    }

    public LocalDate getLevelSince() {
        return levelSince;
    }

    public SpecializationTrack getSpecialization() {
        return specialization;
    }

    public void setSpecialization(SpecializationTrack specialization) {
        this.specialization = specialization;
    }

    public String getTrackKey() {
        return trackKey;
    }

    public void setTrackKey(String trackKey) {
        this.trackKey = trackKey;
    }

    public ScopeAxis getScopeAxis() {
        return scopeAxis;
    }

    public void setScopeAxis(ScopeAxis scopeAxis) {
        this.scopeAxis = scopeAxis;
    }

    public FocusAxis getFocusAxis() {
        return focusAxis;
    }

    public void setFocusAxis(FocusAxis focusAxis) {
        this.focusAxis = focusAxis;
    }

    public CommunityAxis getCommunityAxis() {
        return communityAxis;
    }

    public void setCommunityAxis(CommunityAxis communityAxis) {
        this.communityAxis = communityAxis;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public boolean isActive() {
        return active;
    }

    public LocalDate getLeftDate() {
        return leftDate;
    }

    public void deactivate(LocalDate leftDate) {
        this.active = false;
        this.leftDate = leftDate;
    }

    public void reactivate() {
        this.active = true;
        this.leftDate = null;
    }

    public long getVersion() {
        return version;
    }
}
