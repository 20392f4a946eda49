package app.rungs.shell.ui;

import app.rungs.notification.service.NotificationService;
import app.rungs.notification.ui.NotificationBell;
import app.rungs.security.domain.ColorScheme;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.CurrentUser;
import app.rungs.security.service.TotpService;
import app.rungs.security.ui.ChangePasswordDialog;
import app.rungs.security.ui.TotpDialog;
import app.rungs.shared.db.DatabaseStatus;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.SvgIcon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The application shell: drawer with logo and a side nav built from the {@code @Menu} entries the user may open,
 * a header with the current view's title, and the user menu (name, role, theme, password, two-step sign-in for
 * admins, sign out).
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Span viewTitle = new Span();
    private final AccountService accounts;
    private final NotificationBell bell;
    private final DatabaseStatus databaseStatus;
    private final Div databaseBanner = new Div();
    private Runnable databaseSubscription;
    private final TotpService totp;

    public MainLayout(
            AuthenticationContext authenticationContext,
            AccountService accounts,
            NotificationService notifications,
            DatabaseStatus databaseStatus,
            TotpService totp) {
        this.accounts = accounts;
        this.totp = totp;
        this.bell = new NotificationBell(notifications);
        this.databaseStatus = databaseStatus;
        setPrimarySection(Section.DRAWER);
        viewTitle.addClassName("view-title");
        var toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        databaseBanner.setText("The database is unavailable, retrying… Changes cannot be saved until it is back.");
        databaseBanner.addClassName("db-unavailable-banner");
        databaseBanner.getElement().setAttribute("role", "alert");
        databaseBanner.setVisible(false);
        addToNavbar(toggle, viewTitle, bell, databaseBanner);
        addToDrawer(brand(), new Scroller(sideNav()), userMenu(authenticationContext));
    }

    private Component brand() {
        var logo = new Image("images/rungs-logo.svg", "");
        logo.addClassName("brand-logo");
        var name = new Span("Rungs");
        name.addClassName("brand-name");
        var brand = new Div(logo, name);
        brand.addClassName("brand");
        return brand;
    }

    private SideNav sideNav() {
        var nav = new SideNav();
        nav.addClassName("main-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private static SideNavItem item(MenuEntry entry) {
        var item = new SideNavItem(entry.title(), entry.path());
        item.setMatchNested(!entry.path().isEmpty());
        if (entry.icon() != null) {
            item.setPrefixComponent(
                    entry.icon().startsWith("vaadin:")
                            ? VaadinIcon.valueOf(entry.icon()
                                            .substring("vaadin:".length())
                                            .toUpperCase()
                                            .replace('-', '_'))
                                    .create()
                            : new SvgIcon(entry.icon()));
        }
        return item;
    }

    private Component userMenu(AuthenticationContext authenticationContext) {
        var user = CurrentUser.require();
        var avatar = new Avatar(user.displayName());
        avatar.addThemeName("xsmall");
        var name = new Span(user.displayName());
        name.addClassName("user-name");
        var role = new Span(user.primaryRole().label());
        role.addClassName("user-role");
        var who = new Div(name, role);
        who.addClassName("user-who");
        var trigger = new Div(avatar, who);
        trigger.addClassName("user-trigger");

        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addClassName("user-menu");
        var root = menu.addItem(trigger);
        root.getSubMenu().addItem("Toggle light / dark theme", e -> toggleTheme());
        root.getSubMenu().addItem("Change password", e -> new ChangePasswordDialog(accounts).open());
        if (user.has(Role.ADMIN)) {
            root.getSubMenu().addItem("Two-step sign-in", e -> new TotpDialog(totp).open());
        }
        root.getSubMenu().addItem("Sign out", e -> authenticationContext.logout());
        return menu;
    }

    private void toggleTheme() {
        var next = accounts.myColorScheme() == ColorScheme.DARK ? ColorScheme.LIGHT : ColorScheme.DARK;
        accounts.changeMyColorScheme(next);
        apply(next);
    }

    private void apply(ColorScheme scheme) {
        getUI().ifPresent(ui -> ui.getPage()
                .setColorScheme(
                        scheme == ColorScheme.DARK
                                ? com.vaadin.flow.component.page.ColorScheme.Value.DARK
                                : com.vaadin.flow.component.page.ColorScheme.Value.LIGHT));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        var ui = attachEvent.getUI();
        databaseBanner.setVisible(!databaseStatus.isAvailable());
        databaseSubscription = databaseStatus.subscribe(up -> ui.access(() -> databaseBanner.setVisible(!up)));
        apply(accounts.myColorScheme());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (databaseSubscription != null) {
            databaseSubscription.run();
            databaseSubscription = null;
        }
        super.onDetach(detachEvent);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
    }
}
