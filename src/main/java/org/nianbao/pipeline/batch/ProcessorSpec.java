package org.nianbao.pipeline.batch;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.nianbao.pipeline.DocumentProcessor;

/**
 * Which {@link DocumentProcessor} a worker builds. It travels to the worker JVM as text, so it names a
 * class: one with a constructor taking {@code Optional<Path>} (the mappings folder) or a no-argument one.
 *
 * @param className the processor class, {@link #PIPELINE} for the real extraction
 * @param mappings a mappings folder to use instead of the built-in one
 */
public record ProcessorSpec(String className, Optional<Path> mappings, Optional<Path> corrections) {
  public static final String PIPELINE = "org.nianbao.pipeline.ReportPipeline";

  public ProcessorSpec {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(mappings, "mappings");
    Objects.requireNonNull(corrections, "corrections");
  }

  public ProcessorSpec(String className, Optional<Path> mappings) {
    this(className, mappings, Optional.empty());
  }

  public static ProcessorSpec pipeline(Optional<Path> mappings) {
    return new ProcessorSpec(PIPELINE, mappings);
  }

  /**
   * Builds the processor. Loaded by name because the batch must not depend on one processor class; a bad
   * mappings folder surfaces here, once per worker, with the processor's own message.
   */
  DocumentProcessor create() throws WorkerStartException {
    try {
      Class<? extends DocumentProcessor> type =
          Class.forName(className).asSubclass(DocumentProcessor.class);
      if (corrections.isPresent()) {
        return type.getConstructor(Optional.class, Optional.class).newInstance(mappings, corrections);
      }
      try {
        Constructor<? extends DocumentProcessor> withMappings = type.getConstructor(Optional.class);
        return withMappings.newInstance(mappings);
      } catch (NoSuchMethodException e) {
        return type.getConstructor().newInstance();
      }
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new WorkerStartException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw new WorkerStartException("cannot load processor " + className + ": " + e, e);
    }
  }
}
