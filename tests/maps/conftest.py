# The investment opportunities are the first kind on the map: reuse their fixtures.
from tests.investment.conftest import (  # noqa: F401
    _module_opportunities,
    fresh_rate_limits,
    officer,
    opportunities,
    rate,
)
