package app.rungs.people.ui;

import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.LevelChangeService;
import app.rungs.people.service.PeopleGridService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import org.springframework.stereotype.Component;

/**
 * The people services the screens and their dialogs use, handed around as one so a dialog's constructor names what
 * it edits rather than every service it might touch. Each service checks its own access.
 */
@Component
record PeopleServices(
        PeopleService people,
        PeopleGridService grid,
        PersonEditingService editing,
        LevelChangeService levels,
        LadderService ladders) {}
