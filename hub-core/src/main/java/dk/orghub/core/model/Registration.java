package dk.orghub.core.model;

import java.time.Instant;

/**
 * When the hub learned something and from whom. Every applied change set is one
 * registration.
 */
public record Registration(long id, Instant time, Actor actor, String note) {

}
