package it.sportello.shared;

/**
 * Local accounts an administrator disabled (the register of user rights, issue 25 item 5): the
 * password login refuses them.
 */
public interface DisabledAccounts {

  boolean isDisabled(String userId);
}
