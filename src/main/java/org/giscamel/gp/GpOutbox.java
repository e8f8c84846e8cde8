package org.giscamel.gp;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.URISupport;
import org.giscamel.gp.output.AtomicFiles;
import org.giscamel.gp.output.HashingInputStream;
import org.giscamel.gp.output.OutputNames;
import org.giscamel.gp.output.WrittenFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a job's outputs go: a job folder under the declared output endpoint. Content is streamed and counted
 * on the way, so a multi-gigabyte raster never sits in memory and still gets its size and SHA-256.
 */
public interface GpOutbox {

    /**
     * Writes one file of a job.
     *
     * @param folder the job's folder, {@link GpJobRecord#outputFolder()}
     * @param name   a name already made safe by {@link OutputNames}
     */
    WrittenFile write(String folder, String name, InputStream content) throws IOException;

    default WrittenFile write(String folder, String name, byte[] content) throws IOException {
        return write(folder, name, new ByteArrayInputStream(content));
    }

    /** Clears what a killed process left half-written in a job's folder, before the job resumes. */
    void clearPartialFiles(String folder) throws IOException;

    /** The local folder that holds the job folders, for a {@code file:} output; empty for any other endpoint. */
    Optional<Path> localRoot();

    /** The local folder of one job's files, for a {@code file:} output. */
    default Optional<Path> localJobFolder(String folder) {
        return localRoot().map(root -> OutputNames.resolveInside(root, OutputNames.fileName(folder, "job")));
    }

    /**
     * {@code file:<folder>} is written here, atomically; {@code file:<folder>?<options>} through Camel's file
     * producer with those options; any other URI through its Camel component.
     */
    static GpOutbox forUri(String uri, ProducerTemplate producer) {
        if (uri.startsWith("file:")) {
            String rest = uri.substring("file:".length());
            int query = rest.indexOf('?');
            Path root = Path.of((query < 0 ? rest : rest.substring(0, query)).replaceFirst("^//", ""));
            return query < 0 ? new Folder(root) : new FileEndpoint(root, uri, producer);
        }
        return new Endpoint(uri, producer);
    }

    /** A local folder: each file goes to a temp file, is forced to disk, then is renamed into place. */
    record Folder(Path root) implements GpOutbox {

        @Override
        public WrittenFile write(String folder, String name, InputStream content) throws IOException {
            return AtomicFiles.write(OutputNames.resolveInside(localJobFolder(folder).orElseThrow(), name), content);
        }

        @Override
        public void clearPartialFiles(String folder) throws IOException {
            AtomicFiles.deleteStaleTempFiles(localJobFolder(folder).orElseThrow());
        }

        @Override
        public Optional<Path> localRoot() {
            return Optional.of(root);
        }
    }

    /**
     * A local folder declared with file endpoint options ({@code file:outbox/gp?chmod=640}): written by Camel's
     * file producer with those options. Unless they name {@code tempPrefix} or {@code tempFileName}, each file is
     * written under {@value #TEMP_PREFIX}{@code <name>} first and renamed once complete, so a reader never sees a
     * partial file under its final name; such leftovers of a killed process are cleared on resume.
     */
    record FileEndpoint(Path root, String declared, ProducerTemplate producer) implements GpOutbox {

        static final String TEMP_PREFIX = ".partial-";
        private static final Pattern TEMP_OPTION = Pattern.compile("[?&]tempPrefix=([^&]*)");

        /** The declared URI, with the flow's {@code tempPrefix} unless it names its own temp files. */
        String uri() {
            return declared.matches(".*[?&](tempPrefix|tempFileName)=.*") ? declared
                    : declared + "&tempPrefix=" + TEMP_PREFIX;
        }

        @Override
        public WrittenFile write(String folder, String name, InputStream content) throws IOException {
            localJobFolder(folder).orElseThrow(); // the same check of the folder's name as for a plain folder
            return new Endpoint(uri(), producer).write(folder, name, content);
        }

        @Override
        public void clearPartialFiles(String folder) throws IOException {
            Matcher prefix = TEMP_OPTION.matcher(uri());
            Path jobFolder = localJobFolder(folder).orElseThrow();
            if (!prefix.find() || prefix.group(1).isEmpty() || !Files.isDirectory(jobFolder)) {
                return;
            }
            try (DirectoryStream<Path> temps = Files.newDirectoryStream(jobFolder, prefix.group(1) + "*")) {
                for (Path temp : temps) {
                    Files.deleteIfExists(temp);
                }
            }
        }

        @Override
        public Optional<Path> localRoot() {
            return Optional.of(root);
        }
    }

    /**
     * A Camel endpoint (sftp:, ftp:, aws2-s3: ... where the component is on the classpath), sent the file as a
     * stream with its relative path in {@code CamelFileName}; atomicity is the endpoint's (e.g. its tempPrefix).
     */
    record Endpoint(String uri, ProducerTemplate producer) implements GpOutbox {

        @Override
        public WrittenFile write(String folder, String name, InputStream content) throws IOException {
            String relative = OutputNames.fileName(folder, "job") + "/" + name;
            HashingInputStream hashing = new HashingInputStream(content);
            Exchange sent = producer.send(uri, exchange -> {
                exchange.getIn().setBody(hashing);
                exchange.getIn().setHeader(Exchange.FILE_NAME, relative);
            });
            if (sent.getException() != null) {
                throw new IOException("Could not write " + relative + " to " + URISupport.sanitizeUri(uri) + ": "
                        + sent.getException().getMessage(), sent.getException());
            }
            return new WrittenFile(Path.of(relative), hashing.size(), hashing.sha256());
        }

        @Override
        public void clearPartialFiles(String folder) {
            // a remote endpoint's temp files are the endpoint's to manage
        }

        @Override
        public Optional<Path> localRoot() {
            return Optional.empty();
        }
    }
}
