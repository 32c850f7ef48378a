package io.grapholap.application.udf;

import io.grapholap.application.function.LibraryImporters;
import java.util.List;

/** The saved UDFs importing a library, from the imports recorded when each was saved (at most 100 named). */
public final class FunctionLibraryImporters implements LibraryImporters {

    private final FunctionRepository functions;

    public FunctionLibraryImporters(FunctionRepository functions) {
        this.functions = functions;
    }

    @Override
    public List<String> importersOf(String library, String organization) {
        return functions.importersOf(library, organization, 100);
    }
}
