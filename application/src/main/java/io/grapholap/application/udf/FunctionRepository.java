package io.grapholap.application.udf;

import io.grapholap.application.common.Page;
import io.grapholap.domain.udf.UserFunction;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Out-port: where user-defined functions are kept, with the libraries their code imports (found at
 * save time) so that a library in use can name its importers.
 */
public interface FunctionRepository {

    /**
     * Stores a new function.
     *
     * @throws io.grapholap.domain.error.ConflictException when its alias is taken in its organisation
     */
    UserFunction create(UserFunction function, Set<String> imports);

    /**
     * Replaces the stored function of the same uuid.
     *
     * @throws io.grapholap.domain.error.NotFoundException when it no longer exists
     */
    UserFunction update(UserFunction function, Set<String> imports);

    /** The function of {@code organization} whose uuid or alias is {@code uuidOrAlias}. */
    Optional<UserFunction> find(String organization, String uuidOrAlias);

    /** The libraries the function's code imports, as found when it was last saved; empty when it is gone. */
    Set<String> imports(String uuid);

    boolean delete(String uuid);

    /**
     * Functions of {@code organization} in {@code language}, oldest first; {@code editableBy} not null
     * keeps those that user authored or may edit.
     */
    Page<UserFunction> list(String organization, String language, String editableBy, int offset, int limit);

    /** Functions importing {@code library} as {@code "<org>/<alias or uuid>"}; {@code organization} null = all. */
    List<String> importersOf(String library, String organization, int limit);
}
