package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.VerificationMethod;

import java.time.Instant;
import java.util.UUID;

/** Record a sanitisation of one medium; a failed verification is recorded too, as a failure. */
public record SanitiseStorageMedium(@TargetAggregateIdentifier DeviceId deviceId,
                                    UUID mediumId,
                                    SanitisationLevel level,
                                    SanitisationTechnique technique,
                                    String tool,
                                    String toolVersion,
                                    VerificationMethod verificationMethod,
                                    boolean verificationPassed,
                                    String failureReason,
                                    String operator,
                                    String location,
                                    Instant performedAt,
                                    String toolReportSha256) {
}
