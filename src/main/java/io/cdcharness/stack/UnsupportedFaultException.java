package io.cdcharness.stack;

/** A fault the running stack cannot do, named in one line with the stack. */
public class UnsupportedFaultException extends UnsupportedOperationException {
    public UnsupportedFaultException(String stack, String fault) {
        super("The " + stack + " cannot " + fault + ". Run this scenario on a stack that can "
                + "(-Dcdc.stack=embedded does every fault), or tag it so that this stack skips it.");
    }
}
