package io.grapholap.application.udf;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.udf.UserFunction;
import io.grapholap.domain.user.Organization;

/**
 * Who may do what with UDFs: members of an organisation (and admins) reach its functions; the author
 * and editors read, change and delete one; runners also run it; only the author (or an admin)
 * changes who is an editor or runner.
 */
final class FunctionAccess {

    private FunctionAccess() {
    }

    /**
     * Passes members of {@code organization} and admins; to others the organisation does not exist.
     * A name that is no organisation slug (the {@code org} of the route) is refused for everyone.
     */
    static void requireMember(Actor actor, String organization) {
        Organization.named("org", organization);
        if (!actor.isAdmin() && !actor.organizations().contains(organization)) {
            throw new NotFoundException("organization", organization);
        }
    }

    static void requireEditor(Actor actor, UserFunction f) {
        if (!actor.isAdmin() && !f.canEdit(actor.username())) {
            throw new PermissionDeniedException("function " + f.name() + " needs the editor permission, which its author "
                    + f.author() + " grants");
        }
    }

    static void requireRunner(Actor actor, UserFunction f) {
        if (!actor.isAdmin() && !f.canRun(actor.username())) {
            throw new PermissionDeniedException("function " + f.name() + " needs the runner or editor permission, which its author "
                    + f.author() + " grants");
        }
    }

    static void requireAuthor(Actor actor, UserFunction f) {
        if (!actor.isAdmin() && !f.isAuthor(actor.username())) {
            throw new PermissionDeniedException("only the author of function " + f.name() + " (" + f.author()
                    + ") or an admin may change its permissions");
        }
    }
}
