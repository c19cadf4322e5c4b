from naober.governance.models.body import Body, BodyKind, ExOfficioFunction
from naober.governance.models.membership import Membership, MembershipRole
from naober.governance.models.person import Person

__all__ = ["Body", "BodyKind", "ExOfficioFunction", "Membership", "MembershipRole", "Person"]
