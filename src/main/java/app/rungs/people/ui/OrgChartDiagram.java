package app.rungs.people.ui;

import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.OrgNode;
import app.rungs.people.service.PeopleGridService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The org chart drawn as boxes joined by lines, built from plain elements and CSS (people.css) so it needs no
 * client-side bundle. Nothing is read up front but the top of the viewer's chart; a manager's reports are read a page
 * at a time when their box is expanded, and dropped again when it is collapsed, so a large organization costs only
 * what is open. {@link #reveal} opens the line down to one person with a single service call.
 */
class OrgChartDiagram extends Div {

    /** Reports shown per expansion before a "Show more" box. */
    static final int PAGE = 12;

    static final double MIN_ZOOM = 0.25;
    static final double MAX_ZOOM = 2.0;

    private final PeopleGridService people;
    private final LevelCatalog catalog;
    private final Div canvas = new Div();
    private final Level roots;
    /** The branches on screen, by person id. */
    final Map<Long, Branch> branches = new HashMap<>();

    private double zoom = 1;
    private final Span zoomLabel = new Span();
    private Branch highlighted;

    OrgChartDiagram(PeopleGridService people, LevelCatalog catalog) {
        this.people = people;
        this.catalog = catalog;
        addClassName("org-diagram");
        // A focusable, named region: keyboard users scroll a wide chart with the arrow keys.
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Org chart diagram");
        getElement().setAttribute("tabindex", "0");
        canvas.addClassName("org-canvas");
        roots = new Level(null, people.orgChildCount(null), (offset) -> people.orgChildren(null, offset, PAGE));
        roots.list.addClassName("org-roots");
        canvas.add(roots.list);
        add(canvas);
        zoomLabel.addClassName("org-zoom-level");
        zoomLabel.getElement().setAttribute("aria-live", "polite");
        roots.showMore();
        // A single top (a manager's own chart, or an organization with one head) opens one level down.
        if (roots.shown == 1) {
            branches.values().iterator().next().expand(null);
        }
        applyZoom();
    }

    /** The current zoom as a percentage, announced when it changes. */
    Span zoomLabel() {
        return zoomLabel;
    }

    double zoom() {
        return zoom;
    }

    void zoomIn() {
        setZoom(zoom * 1.25);
    }

    void zoomOut() {
        setZoom(zoom / 1.25);
    }

    void resetZoom() {
        setZoom(1);
    }

    void setZoom(double value) {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Math.round(value * 100) / 100.0));
        applyZoom();
    }

    /** Zooms so the whole open chart fits the visible area (never above 100 %), measured in the browser. */
    void fit() {
        getElement().executeJs("""
                        const c = this.querySelector('.org-canvas');
                        const before = c.style.zoom;
                        c.style.zoom = '1';
                        const r = c.getBoundingClientRect();
                        c.style.zoom = before;
                        // Less the region's padding, so the fitted chart needs no scroll bar.
                        return Math.min(1, (this.clientWidth - 40) / r.width, (this.clientHeight - 40) / r.height);
                        """).then(Double.class, value -> {
            setZoom(value);
            getElement().executeJs("this.scrollTo(0, 0)");
        });
    }

    private void applyZoom() {
        canvas.getStyle().set("zoom", String.valueOf(zoom));
        zoomLabel.setText(Math.round(zoom * 100) + " %");
    }

    /**
     * Opens the line from the top of the chart down to a person, loading only what is missing, then highlights the
     * person's box, scrolls it to the middle and moves the keyboard focus to it.
     */
    void reveal(Long personId) {
        var line = people.orgLine(personId, PAGE);
        var path = line.path();
        Branch branch = branches.get(path.getFirst().id());
        if (branch == null) {
            branch = roots.insert(path.getFirst());
        }
        for (int i = 1; i < path.size(); i++) {
            var next = path.get(i);
            if (!branch.expanded) {
                branch.expand(line.children().get(branch.node.id()));
            }
            var child = branches.get(next.id());
            branch = child != null ? child : branch.reports.insert(next);
        }
        highlight(branch);
    }

    private void highlight(Branch branch) {
        if (highlighted != null) {
            highlighted.box.removeClassName("org-box-found");
            highlighted.box.getElement().removeAttribute("aria-current");
        }
        highlighted = branch;
        branch.box.addClassName("org-box-found");
        branch.box.getElement().setAttribute("aria-current", "true");
        branch.box
                .getElement()
                .executeJs("this.scrollIntoView({block: 'center', inline: 'center'});"
                        + " this.querySelector('a').focus({preventScroll: true})");
    }

    Long highlightedId() {
        return highlighted == null ? null : highlighted.node.id();
    }

    /** One row of boxes: the reports of one manager (or the chart's top), a page at a time. */
    final class Level {
        final UnorderedList list = new UnorderedList();
        private final Branch owner;
        private final int total;
        private final IntFunction<List<OrgNode>> page;
        int shown;
        private ListItem more;

        Level(Branch owner, int total, IntFunction<List<OrgNode>> page) {
            this.owner = owner;
            this.total = total;
            this.page = page;
            list.addClassName("org-tree");
        }

        /** Reads the next page from the server; people already on screen (revealed by a search) are skipped. */
        void showMore() {
            add(page.apply(shownFromServer));
        }

        private int shownFromServer;

        void add(List<OrgNode> nodes) {
            shownFromServer += nodes.size();
            for (var node : nodes) {
                if (!branches.containsKey(node.id())) {
                    insert(node);
                }
            }
            updateMore();
        }

        Branch insert(OrgNode node) {
            var branch = new Branch(node, this);
            branches.put(node.id(), branch);
            if (more != null) {
                list.getElement().insertChild(list.getElement().indexOfChild(more.getElement()), branch.getElement());
            } else {
                list.add(branch);
            }
            shown++;
            updateMore();
            return branch;
        }

        private void updateMore() {
            int left = total - shown;
            if (left <= 0 || shownFromServer >= total) {
                if (more != null) {
                    list.remove(more);
                    more = null;
                }
                return;
            }
            if (more == null) {
                more = new ListItem();
                more.addClassName("org-more");
                list.add(more);
            }
            var whose = owner == null ? "" : " reporting to " + owner.node.fullName();
            var button = new Button("Show " + left + " more", VaadinIcon.ELLIPSIS_DOTS_H.create(), e -> showMore());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            button.setAriaLabel("Show " + left + " more people" + whose);
            more.removeAll();
            more.add(button);
        }

        void forget() {
            list.getChildren()
                    .filter(Branch.class::isInstance)
                    .map(Branch.class::cast)
                    .forEach(Branch::forget);
        }
    }

    /** One person's box, the button that opens their reports, and those reports once open. */
    final class Branch extends ListItem {
        final OrgNode node;
        final Div box;
        private final Button toggle;
        Level reports;
        boolean expanded;

        Branch(OrgNode node, Level level) {
            this.node = node;
            addClassName("org-branch");
            box = box(node);
            add(box);
            if (node.hasReports()) {
                toggle = new Button();
                toggle.addClickListener(e -> {
                    if (expanded) {
                        collapse();
                    } else {
                        expand(null);
                    }
                });
                toggle.addClassName("org-toggle");
                toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
                add(toggle);
                updateToggle();
            } else {
                toggle = null;
            }
        }

        /** Opens the reports: the given first page (from a reveal) or the first page read now. */
        void expand(List<OrgNode> firstPage) {
            if (expanded || !node.hasReports()) {
                return;
            }
            expanded = true;
            reports = new Level(this, node.directReports(), offset -> people.orgChildren(node.id(), offset, PAGE));
            add(reports.list);
            if (firstPage == null) {
                reports.showMore();
            } else {
                reports.add(firstPage);
            }
            updateToggle();
        }

        /** Closes the reports and drops them, so what is closed costs nothing. */
        void collapse() {
            if (!expanded) {
                return;
            }
            expanded = false;
            reports.forget();
            remove(reports.list);
            reports = null;
            updateToggle();
        }

        void forget() {
            branches.remove(node.id());
            if (highlighted == this) {
                highlighted = null;
            }
            if (reports != null) {
                reports.forget();
            }
        }

        private void updateToggle() {
            int n = node.directReports();
            toggle.setText(n + (n == 1 ? " report" : " reports"));
            toggle.setIcon((expanded ? VaadinIcon.ANGLE_UP : VaadinIcon.ANGLE_DOWN).create());
            toggle.setIconAfterText(true);
            toggle.setAriaLabel((expanded ? "Hide the " : "Show the ")
                    + (n == 1 ? "person" : n + " people")
                    + " reporting to "
                    + node.fullName());
            toggle.getElement().setAttribute("aria-expanded", String.valueOf(expanded));
        }

        private Div box(OrgNode n) {
            var initials = new Span(PersonRenderers.initials(n.fullName()));
            initials.addClassName("org-initials");
            initials.getElement().setAttribute("aria-hidden", "true");
            var name = PersonRenderers.personLink(n.id(), n.fullName());
            name.addClassName("org-name");
            var title = new Span(n.jobTitle() == null ? "" : n.jobTitle());
            title.addClassName("org-box-title");
            Component level = PersonRenderers.levelBadge(
                    n.levelKey(), PersonRenderers.levelText(catalog, n.ladderId(), n.levelKey()));
            var text = new Div(name, title, level);
            text.addClassName("org-box-text");
            var box = new Div(initials, text);
            box.addClassName("org-box");
            box.getElement().setAttribute("data-person", String.valueOf(n.id()));
            return box;
        }
    }
}
