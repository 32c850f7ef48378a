package io.grapholap.application.function;

import java.util.List;

/** Which saved UDFs import a library, so that a library in use is not deleted (409 naming them). */
public interface LibraryImporters {

    /**
     * UDFs (as {@code "<org>/<alias or uuid>"}) importing {@code library}; {@code organization} null
     * means a global library (every organisation's UDFs count).
     */
    List<String> importersOf(String library, String organization);
}
