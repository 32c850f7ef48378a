package io.grapholap.application.library;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.library.LibraryNamespace;

/**
 * Who may see and change libraries (the library API's two roles, mapped onto ours): every authenticated
 * user reads global libraries and admins change them; a scoped library's bucket is an organisation,
 * whose members (any role: each includes analyst, the organisation's editors) read and change it,
 * as do admins.
 */
final class LibraryAccess {

    private LibraryAccess() {
    }

    static void requireRead(Actor actor, LibraryNamespace namespace) {
        if (!namespace.global() && !member(actor, namespace)) {
            throw new PermissionDeniedException("libraries of bucket " + namespace.bucket()
                    + " are visible to members of organisation " + namespace.bucket() + " and admins only");
        }
    }

    static void requireWrite(Actor actor, LibraryNamespace namespace) {
        if (namespace.global()) {
            if (!actor.isAdmin()) {
                throw new PermissionDeniedException("only admins may change global libraries");
            }
        } else if (!member(actor, namespace)) {
            throw new PermissionDeniedException("libraries of bucket " + namespace.bucket()
                    + " may be changed by members of organisation " + namespace.bucket() + " and admins only");
        }
    }

    private static boolean member(Actor actor, LibraryNamespace namespace) {
        return actor.isAdmin() || actor.organizations().contains(namespace.bucket());
    }
}
