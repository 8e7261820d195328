package nl.horizon.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityTest {

    @Test
    void aPersonNamedLikeAnAccountIsAnotherIdentity() {
        Identity account = Identity.account("analyst-s");
        Identity person = Identity.person("https://idp.example", "analyst-s", "analyst-s");
        assertThat(account.id()).isEqualTo("account:analyst-s");
        assertThat(person.id()).isEqualTo("https://idp.example#analyst-s");
        assertThat(person.name()).isEqualTo(account.name());
        assertThat(Identity.person("https://idp.example", "7f3c", null).name()).as("no preferred_username")
                .isEqualTo("7f3c");
    }

    @Test
    void anIssuerCannotPoseAsTheAccountNamespace() {
        assertThatThrownBy(() -> Identity.person("account:ops", "x", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identity.person("https://idp.example", " ", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlainOwnerOfBeforeNamespacesIsReadAsAnAccount() {
        assertThat(Identity.owner("analyst-a")).isEqualTo("account:analyst-a");
        assertThat(Identity.owner("e.devries")).as("a person's old name: an account no one can have")
                .isEqualTo("account:e.devries");
        assertThat(Identity.owner("account:analyst-a")).isEqualTo("account:analyst-a");
        assertThat(Identity.owner("https://idp.example#e-1")).isEqualTo("https://idp.example#e-1");
    }
}
