package dk.orghub.core.store;

import java.util.UUID;

import dk.orghub.core.model.ObjectType;

/** An object's identity across types. */
record ObjectKey(ObjectType type, UUID uuid) {

}
