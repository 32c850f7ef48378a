package io.grapholap.rest.error;

import io.grapholap.domain.error.CancelledException;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.RateLimitedException;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import io.micronaut.http.HttpStatus;

/** The mapping between HTTP statuses, error codes and domain errors, in one place. */
public final class ErrorCodes {

    private ErrorCodes() {
    }

    static String forStatus(int status) {
        return switch (status) {
            case 400 -> "VALIDATION_FAILED";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 408 -> "TIMEOUT";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    /** The HTTP status of a domain error, for every envelope (platform and REST++). */
    public static HttpStatus statusOf(DomainException e) {
        return switch (e) {
            case ValidationException v -> HttpStatus.BAD_REQUEST;
            case NotFoundException n -> HttpStatus.NOT_FOUND;
            case ConflictException c -> HttpStatus.CONFLICT;
            case CancelledException c -> HttpStatus.CONFLICT;
            case PermissionDeniedException p -> HttpStatus.FORBIDDEN;
            case OperationTimeoutException t -> HttpStatus.REQUEST_TIMEOUT;
            case UnavailableException u -> HttpStatus.SERVICE_UNAVAILABLE;
            case RateLimitedException r -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
