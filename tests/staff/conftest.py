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
            password="x", first_name="Test")
        user.groups.add(Group.objects.get(name=group_name))
        client = Client()
        client.force_login(user)
        return user, client
    return make
