package dk.orghub.core.spi;

import java.util.UUID;

/**
 * An object a target run could not send.
 *
 * @param type the object's type in the target
 * @param uuid the object's UUID
 * @param userKey its user key, or {@code null}
 * @param reason why, as the target or the adapter said it
 */
public record TargetFailure(String type, UUID uuid, String userKey, String reason) {

}
