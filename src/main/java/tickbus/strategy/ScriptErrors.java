package tickbus.strategy;

import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/** Turns a failed script deployment into file, line and message, whatever the language. */
public final class ScriptErrors {

    private ScriptErrors() {
    }

    /** The compile errors of a failed deployment, or an empty list when the failure is not a compile error. */
    public static List<ScriptCompileException> compileErrors(Throwable failure, String scriptFile) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ScriptCompileException compile) {
                return List.of(compile);
            }
            if (cause instanceof MultipleCompilationErrorsException groovy) {
                return groovyErrors(groovy, scriptFile);
            }
        }
        return List.of();
    }

    /**
     * A one-line reason for a failed deployment: {@code script does not compile: file=…, line=…, column=…,
     * message=…} for a compile error, else the failure's message and, for a script, the line it failed at.
     */
    public static String describe(Throwable failure, String verticle) {
        String scriptFile = scriptFile(verticle);
        List<ScriptCompileException> errors = compileErrors(failure, scriptFile);
        if (!errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            errors.forEach(error -> messages.add(error.getMessage()));
            return String.join("; ", messages);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
        if (scriptFile == null) {
            return failure.getMessage() == null ? message : failure.getMessage();
        }
        for (StackTraceElement frame : root.getStackTrace()) {
            if (frame.getFileName() != null && scriptFile.endsWith(frame.getFileName()) && frame.getLineNumber() > 0) {
                return "script failed: file=" + scriptFile + ", line=" + frame.getLineNumber() + ", message=" + message;
            }
        }
        return "script failed: file=" + scriptFile + ", message=" + message;
    }

    /** The file of a {@code groovy:FILE} or {@code js:FILE} verticle name, else null. */
    public static String scriptFile(String verticle) {
        int colon = verticle.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String prefix = verticle.substring(0, colon);
        return prefix.equals("groovy") || prefix.equals("js") ? verticle.substring(colon + 1) : null;
    }

    private static List<ScriptCompileException> groovyErrors(MultipleCompilationErrorsException groovy,
            String scriptFile) {
        List<ScriptCompileException> errors = new ArrayList<>();
        for (Message message : groovy.getErrorCollector().getErrors()) {
            if (message instanceof SyntaxErrorMessage syntax) {
                SyntaxException error = syntax.getCause();
                errors.add(new ScriptCompileException(scriptFile == null ? error.getSourceLocator() : scriptFile,
                        error.getLine(), error.getStartColumn(), error.getOriginalMessage(), groovy));
            }
        }
        if (errors.isEmpty()) {
            errors.add(new ScriptCompileException(scriptFile, 0, 0, groovy.getMessage(), groovy));
        }
        return errors;
    }
}
