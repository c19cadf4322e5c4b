"""Load the shipped school holidays (naober/planner/school_holidays.py, after shared/domain/holidays.md)."""

from django.db import migrations


def load(apps, schema_editor):
    from naober.planner.school_holidays import FLANDERS, SCHOOL_HOLIDAYS, flemish_school_holidays

    SchoolHoliday = apps.get_model("planner", "SchoolHoliday")
    rows = list(SCHOOL_HOLIDAYS)
    rows += [("be-vl", name, first, last, FLANDERS, "indicative") for name, first, last in flemish_school_holidays(2026)]
    for region, name, first, last, source, certainty in rows:
        SchoolHoliday.objects.get_or_create(
            region=region,
            name=name,
            first_day=first,
            defaults={"last_day": last, "source": source, "certainty": certainty},
        )


class Migration(migrations.Migration):
    dependencies = [("planner", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
