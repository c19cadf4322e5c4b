from naober.registry.models.cooperation import Cooperation, LegalForm, Topic
from naober.registry.models.municipality import HolidayRegion, Municipality, PopulationFigure
from naober.registry.models.organisation import Organisation
from naober.registry.models.participation import Participation

__all__ = [
    "Cooperation",
    "HolidayRegion",
    "LegalForm",
    "Municipality",
    "Organisation",
    "Participation",
    "PopulationFigure",
    "Topic",
]
