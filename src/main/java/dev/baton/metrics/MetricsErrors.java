package dev.baton.metrics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad metrics requests answer 400 (404 for an unknown campaign) with a message, never 500. */
@RestControllerAdvice(assignableTypes = MetricsController.class)
public class MetricsErrors {

    @ExceptionHandler(InvalidMetricsParameterException.class)
    ProblemDetail badParameter(InvalidMetricsParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid parameter");
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(UnknownCampaignException.class)
    ProblemDetail unknownCampaign(UnknownCampaignException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown campaign");
        return problem;
    }
}
