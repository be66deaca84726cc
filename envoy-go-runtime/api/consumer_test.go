package api

import "testing"

func TestConsumerSettingsAreACopy(t *testing.T) {
	settings := map[string]string{"tier": "gold"}
	c := NewConsumer("alice", settings)
	settings["tier"] = "changed"
	if v, ok := c.Setting("tier"); !ok || v != "gold" {
		t.Fatalf("tier = %q/%v", v, ok)
	}
	if v, ok := c.Setting("quota"); ok || v != "" {
		t.Fatalf("quota = %q/%v", v, ok)
	}
	// A literal consumer has no settings.
	if _, ok := (&Consumer{Name: "bob"}).Setting("tier"); ok {
		t.Fatal("a consumer without settings has one")
	}
}

func TestRegistryFindsByNameAndCredential(t *testing.T) {
	r := NewConsumerRegistry()
	alice, bob := NewConsumer("alice", nil), NewConsumer("bob", nil)
	if r.Add(alice) != nil || r.Add(bob) != nil {
		t.Fatal("adding distinct names reported a holder")
	}
	if r.AddCredential("key-auth", "k1", alice) != nil || r.AddCredential("key-auth", "k2", bob) != nil ||
		r.AddCredential("jwt", "k1", bob) != nil {
		t.Fatal("adding distinct credentials reported an owner")
	}
	if r.ByName("alice") != alice || r.ByName("bob") != bob || r.ByName("carol") != nil {
		t.Fatal("ByName")
	}
	// The same credential text is a different credential under another kind.
	if r.ByCredential("key-auth", "k1") != alice || r.ByCredential("jwt", "k1") != bob ||
		r.ByCredential("key-auth", "k3") != nil || r.ByCredential("basic", "k1") != nil {
		t.Fatal("ByCredential")
	}
}

func TestRegistryRefusesTakenNamesAndCredentials(t *testing.T) {
	r := NewConsumerRegistry()
	alice := NewConsumer("alice", map[string]string{"tier": "gold"})
	r.Add(alice)
	r.AddCredential("key-auth", "k", alice)

	second := NewConsumer("alice", map[string]string{"tier": "bronze"})
	if holder := r.Add(second); holder != alice {
		t.Fatalf("duplicate name: holder %v", holder)
	}
	if r.ByName("alice") != alice {
		t.Fatal("a refused Add replaced the consumer")
	}
	bob := NewConsumer("bob", nil)
	r.Add(bob)
	if owner := r.AddCredential("key-auth", "k", bob); owner != alice {
		t.Fatalf("taken credential: owner %v", owner)
	}
	if owner := r.AddCredential("key-auth", "k", alice); owner != alice {
		t.Fatalf("credential given twice to its owner: owner %v", owner)
	}
	if r.ByCredential("key-auth", "k") != alice {
		t.Fatal("a refused AddCredential changed the owner")
	}
}

func TestNilRegistryFindsNothing(t *testing.T) {
	var r *ConsumerRegistry
	if r.ByName("alice") != nil || r.ByCredential("key-auth", "k") != nil {
		t.Fatal("a nil registry found a consumer")
	}
}

func TestTheMostRecentlySetRegistryWins(t *testing.T) {
	t.Cleanup(func() { SetConsumers(nil) })
	SetConsumers(nil)
	if Consumers() != nil {
		t.Fatal("a registry before any was set")
	}
	first, second := NewConsumerRegistry(), NewConsumerRegistry()
	SetConsumers(first)
	SetConsumers(second)
	if Consumers() != second {
		t.Fatal("Consumers is not the last registry set")
	}
}
