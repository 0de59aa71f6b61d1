package dk.orghub.core.spi;

/** An adapter that receives organisation data from the hub. */
public interface TargetAdapter extends Adapter {

}
