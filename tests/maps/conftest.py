# The investment opportunities are the first kind on the map: reuse their fixtures.
from tests.investment.conftest import fresh_rate_limits, officer, opportunities, rate  # noqa: F401
