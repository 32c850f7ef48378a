package io.grapholap.rest.udf.output;

import io.grapholap.application.udf.JsonWriter;
import io.grapholap.application.udf.TableEncoder;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The UDF output writers: JSON (Jackson), and the binary formats Parquet (own writer) and Arrow IPC
 * stream (on the server's Arrow allocator).
 */
@Factory
final class OutputEncoders {

    @Singleton
    JsonWriter jsonWriter() {
        return new JacksonJsonWriter();
    }

    @Singleton
    @Named("parquet")
    TableEncoder parquetEncoder() {
        return new ParquetTableEncoder();
    }

    @Singleton
    @Named("arrow")
    TableEncoder arrowEncoder(BufferAllocator allocator) {
        return new ArrowTableEncoder(allocator);
    }
}
