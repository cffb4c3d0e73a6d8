namespace Deliberation.Domain;

/// <summary>Track 2: only non-governmental participants. Track 1.5: officials alongside scholars and civil society.</summary>
public enum Track { Track2, Track1_5 }

/// <summary>What each role may see of who said what (docs/domain.md).</summary>
public enum ConfidentialityMode { Attributed, ChathamHouse, Anonymous }

/// <summary>The phases a dialogue moves through, in order; only a facilitator moves them.</summary>
public enum Phase { Setup, Deliberation, Drafting, FinalReading, Signing, Closed }

public enum Role { Convener, Facilitator, Rapporteur, Delegate, Observer }

public enum PositionKind { Support, Accept, StandAside, Oppose, Block }

public enum ClauseKind { Preamble, RedLine, FundingFloor, GovernanceProposal, Principle, Other }

/// <summary>Substantive revisions make earlier positions stale; editorial ones (typos) carry them over.</summary>
public enum RevisionKind { Substantive, Editorial }

/// <summary>Where a revision came from, for the history view.</summary>
public enum RevisionSource { Draft, Edit, Amendment, Alternative, Resolution }

// Gathering is appended, not placed in ladder order: stored and serialized values of the others stay as they were.
public enum ClauseStatus { Pending, Contested, NearConsensus, Agreed, Blocked, Withdrawn, Gathering }

public enum SignatureCapacity { Personal, Institutional }
