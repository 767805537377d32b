import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def roles(site):
    """The site skeleton with the staff groups, page permissions and review workflow."""
    from django.core.management import call_command

    call_command("staff_setup", verbosity=0)


@pytest.fixture
def member(django_user_model, roles):
    """A user in the named group, logged in on a fresh client."""
    from django.test import Client

    def make(group_name, username=None):
        user = django_user_model.objects.create_user(
            username or group_name.split()[0].lower() + str(Group.objects.count()),
            password="x",
            first_name="Test",
        )
        user.groups.add(Group.objects.get(name=group_name))
        client = Client()
        client.force_login(user)
        return user, client

    return make


@pytest.fixture(autouse=True)
def english_admin(db):
    """Staff in these tests read the admin in English (it otherwise follows the site's default,
    Vietnamese), so assertions can quote the msgids; one test checks the Vietnamese text."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_save
    from wagtail.users.models import UserProfile

    def prefer_english(sender, instance, created, **kwargs):
        if created:
            UserProfile.objects.update_or_create(user=instance, defaults={"preferred_language": "en"})

    post_save.connect(prefer_english, sender=get_user_model(), dispatch_uid="staff-tests-en")
    yield
    post_save.disconnect(sender=get_user_model(), dispatch_uid="staff-tests-en")
