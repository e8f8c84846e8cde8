package org.giscamel.emulator.http;

/** One part of a multipart/form-data body; {@code filename} is null for plain fields. */
public record MultipartPart(String name, String filename, String contentType, byte[] content) {
}
