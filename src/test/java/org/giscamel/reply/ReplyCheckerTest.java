package org.giscamel.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyCheckerTest {

    private static final String JSON = "application/json;charset=UTF-8";

    private static JsonNode ok(int status, String body) {
        return ReplyChecker.check("read", status, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private static GisServerException failure(int status, String contentType, String body) {
        return assertThrows(GisServerException.class,
                () -> ReplyChecker.check("join site", status, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static GisServerException failure(int status, String body) {
        return failure(status, JSON, body);
    }

    // --- ArcGIS services envelope, HTTP 200 (REST-JS test/mocks/errors.ts and live captures) ---

    @Test
    void invalidTokenInHttp200IsATokenRejection() {
        GisServerException e = failure(200, "{\"error\":{\"code\":498,\"message\":\"Invalid token.\",\"details\":[]}}");
        assertInstanceOf(TokenRejectedException.class, e);
        assertEquals(200, e.httpStatus());
        assertEquals(OptionalInt.of(498), e.serverCode());
        assertEquals(List.of("Invalid token."), e.serverMessages());
        assertFalse(e.isTransient());
    }

    @Test
    void tokenRequiredWithMessageCodeIsATokenRejectionAndRepeatedDetailsAreDropped() {
        GisServerException e = failure(200, "{\"error\":{\"code\":499,\"message\":\"Token Required\","
                + "\"messageCode\":\"GWM_0003\",\"details\":[\"Token Required\"]}}");
        assertInstanceOf(TokenRejectedException.class, e);
        assertEquals(List.of("Token Required"), e.serverMessages());
    }

    @Test
    void noPermissionIsPermanent() {
        GisServerException e = failure(200, "{\"error\":{\"code\":403,\"message\":\"You do not have permissions to "
                + "access this resource or perform this operation.\",\"details\":[]}}");
        assertInstanceOf(PermanentServerException.class, e);
        assertEquals(OptionalInt.of(403), e.serverCode());
    }

    @Test
    void badCredentialsKeepMessageAndDetails() {
        GisServerException e = failure(200, "{\"error\":{\"code\":400,\"message\":\"Unable to generate token.\","
                + "\"details\":[\"Invalid username or password.\"]}}");
        assertInstanceOf(PermanentServerException.class, e);
        assertEquals(List.of("Unable to generate token.", "Invalid username or password."), e.serverMessages());
    }

    @Test
    void notFoundMessageWithTrailingSpaceIsTrimmed() {
        GisServerException e = failure(200, "{\"error\":{\"code\":404,\"message\":\"Service Hosted/NOPE_Layer/MapServer "
                + "not found \",\"details\":[]}}");
        assertInstanceOf(PermanentServerException.class, e);
        assertEquals(List.of("Service Hosted/NOPE_Layer/MapServer not found"), e.serverMessages());
    }

    @Test
    void detailsMayBeAString() {
        GisServerException e = failure(200, "{\"error\":{\"code\":201,\"message\":\"Exception in generating token\","
                + "\"details\":\"Client ID is required for long expiration tokens.\"}}");
        assertInstanceOf(PermanentServerException.class, e);
        assertEquals(List.of("Exception in generating token", "Client ID is required for long expiration tokens."),
                e.serverMessages());
    }

    // --- Administrator API envelope ---

    @Test
    void adminTokenNotFoundIsATokenRejection() {
        GisServerException e = failure(200, "{\"status\":\"error\",\"messages\":[\"Unauthorized access.Token not found. "
                + "You can generate a token using the 'generateToken' operation.\"],\"code\":499}");
        assertInstanceOf(TokenRejectedException.class, e);
        assertEquals(OptionalInt.of(499), e.serverCode());
    }

    @Test
    void adminTokenExpiredIsATokenRejection() {
        GisServerException e = failure(200, "{'status': 'error', 'messages': ['Token Expired.'], 'code': 498}"
                .replace('\'', '"'));
        assertInstanceOf(TokenRejectedException.class, e);
        assertEquals(List.of("Token Expired."), e.serverMessages());
    }

    @Test
    void adminUnknownOperationIsPermanent() {
        GisServerException e = failure(200, "{\"status\":\"error\",\"messages\":[\"Could not find resource or "
                + "operation 'upgrade' on the system.\"],\"code\":404}");
        assertInstanceOf(PermanentServerException.class, e);
        assertEquals(OptionalInt.of(404), e.serverCode());
    }

    @Test
    void adminCode500InsideHttp200IsPermanent() {
        GisServerException e = failure(200, "{\"status\":\"error\",\"code\":500,\"messages\":[\"Failed to create the "
                + "site. The machine does not have a valid license.\"]}");
        assertInstanceOf(PermanentServerException.class, e);
    }

    @Test
    void joinSiteFailureStatusIsAFailureEvenWithoutMessages() {
        GisServerException e = failure(200, "{\"status\":\"failure\",\"pollAfter\":10}");
        assertInstanceOf(PermanentServerException.class, e);
        assertEquals(List.of("status: failure"), e.serverMessages());
    }

    @Test
    void taskStatusFailedReadsTheJsonInsideStatusMessage() {
        GisServerException e = failure(200, "{\"status\":\"failed\",\"statusMessage\":"
                + "\"{\\\"code\\\":400,\\\"message\\\":\\\"Index was outside the bounds of the array.\\\"}\"}");
        assertInstanceOf(PermanentServerException.class, e);
        assertEquals(OptionalInt.of(400), e.serverCode());
        assertEquals(List.of("Index was outside the bounds of the array."), e.serverMessages());
    }

    @Test
    void billingStatusFailureKeepsTopLevelCodeAndMessage() {
        GisServerException e = failure(200, "{\"code\":500,\"message\":\"Billing is not set up\",\"status\":\"failure\"}");
        assertEquals(OptionalInt.of(500), e.serverCode());
        assertEquals(List.of("Billing is not set up"), e.serverMessages());
    }

    // --- iPortal ---

    @Test
    void iportalErrorMsgIsTrimmedAndStatusKept() {
        GisServerException e = failure(404, "{\"succeed\":false,\"error\":{\"errorMsg\":\" 请求的子项目索引不在子项目集合的范围内 \","
                + "\"code\":404}}");
        assertInstanceOf(PermanentServerException.class, e);
        assertEquals(404, e.httpStatus());
        assertEquals(List.of("请求的子项目索引不在子项目集合的范围内"), e.serverMessages());
    }

    @Test
    void iportalSucceedFalseWithoutErrorIsAFailure() {
        GisServerException e = failure(200, "{\"succeed\":false,\"reason\":\"用户名或密码错误\"}");
        assertInstanceOf(PermanentServerException.class, e);
        assertEquals(List.of("用户名或密码错误"), e.serverMessages());
    }

    @Test
    void iportalUnauthorizedIsPermanentAndSaysSo() {
        GisServerException e = failure(401, "{\"succeed\":false,\"error\":{\"code\":401,\"errorMsg\":\"no login\"}}");
        PermanentServerException permanent = assertInstanceOf(PermanentServerException.class, e);
        assertTrue(permanent.isUnauthorized());
    }

    @Test
    void iportalSuccessWithNullErrorIsASuccess() {
        JsonNode reply = ok(201, "{\"succeed\":true,\"error\":null,\"newResourceID\":\"42\"}");
        assertEquals("42", reply.path("newResourceID").asText());
    }

    // --- HTTP status ---

    @Test
    void non2xxJsonBodyIsStillRead() {
        GisServerException e = failure(500, "{\"error\":{\"code\":500,\"message\":\"Internal server error\"}}");
        assertInstanceOf(TransientServerException.class, e);
        assertEquals(List.of("Internal server error"), e.serverMessages());
        assertTrue(e.isTransient());
    }

    @Test
    void tokenCodeWinsOverAnErrorStatus() {
        assertInstanceOf(TokenRejectedException.class,
                failure(403, "{\"error\":{\"code\":498,\"message\":\"Invalid token.\"}}"));
    }

    @Test
    void htmlBadGatewayIsTransientAndItsHtmlStaysOutOfTheMessage() {
        GisServerException e = failure(502, "text/html", "<html><head><title>502 Bad Gateway</title></head></html>");
        assertInstanceOf(TransientServerException.class, e);
        assertEquals(502, e.httpStatus());
        assertTrue(e.serverCode().isEmpty());
        assertFalse(e.getMessage().contains("<html>"), e.getMessage());
    }

    @Test
    void unavailableEnvelopeCodeIsTransientEvenInHttp200() {
        assertInstanceOf(TransientServerException.class,
                failure(200, "{\"error\":{\"code\":503,\"message\":\"Service temporarily unavailable\"}}"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405})
    void clientErrorsWithoutEnvelopeArePermanent(int status) {
        assertInstanceOf(PermanentServerException.class, failure(status, "text/plain", "nope"));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 503, 504})
    void busyAndServerErrorsAreTransient(int status) {
        assertInstanceOf(TransientServerException.class, failure(status, "text/plain", ""));
    }

    @Test
    void messageNamesStepServerWordsAndCodes() {
        GisServerException e = failure(200, "{\"status\":\"error\",\"messages\":[\"Token Expired.\"],\"code\":498}");
        assertEquals("join site failed: Token Expired. (HTTP 200, code 498)", e.getMessage());
    }

    // --- successes ---

    @Test
    void jsonObjectIsReturned() {
        assertEquals("success", ok(200, "{\"status\":\"success\",\"pollAfter\":10}").path("status").asText());
    }

    @Test
    void failedJobStatusIsNotAReplyError() {
        assertEquals("esriJobFailed", ok(200, "{\"jobId\":\"j1\",\"jobStatus\":\"esriJobFailed\"}").path("jobStatus").asText());
    }

    @Test
    void bareTrueIsABoolean() {
        assertTrue(ok(200, "true").booleanValue());
    }

    @Test
    void bareTokenTextIsText() {
        JsonNode reply = ok(200, "9AUyV9QOpTARW-Zj1yybXdjHgQvgWtmeQKNPQ43jSjfO3ELFpjKmeCRUuVwrLGfCLNIkJpq5KpVWOn8HwWehhg..");
        assertTrue(reply.isTextual());
        assertEquals("9AUyV9QOpTARW-Zj1yybXdjHgQvgWtmeQKNPQ43jSjfO3ELFpjKmeCRUuVwrLGfCLNIkJpq5KpVWOn8HwWehhg..", reply.asText());
    }

    @Test
    void bareEnumTextIsText() {
        assertEquals("SUCCESSFUL", ok(200, "SUCCESSFUL").asText());
    }

    @Test
    void emptyBodyIsANullNode() {
        assertTrue(ok(204, "").isNull());
    }

    @Test
    void htmlPageWhereJsonWasDueIsPermanent() {
        GisServerException e = failure(200, "text/html;charset=utf-8", "<html><body>Please log in</body></html>");
        assertInstanceOf(PermanentServerException.class, e);
        assertFalse(e.getMessage().contains("log in"), e.getMessage());
    }
}
