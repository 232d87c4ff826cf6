"""Contains all the data models used in inputs/outputs"""

from .account_create import AccountCreate
from .account_create_role import AccountCreateRole
from .account_out import AccountOut
from .account_out_role import AccountOutRole
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_out import ApiKeyOut
from .field_error import FieldError
from .health import Health
from .list_accounts_role_type_1 import ListAccountsRoleType1
from .list_accounts_role_type_2_type_1 import ListAccountsRoleType2Type1
from .list_accounts_role_type_3_type_1 import ListAccountsRoleType3Type1
from .list_of_account_out import ListOfAccountOut
from .list_of_api_key_out import ListOfApiKeyOut
from .problem import Problem
from .readiness import Readiness
from .readiness_database import ReadinessDatabase
from .readiness_migrations import ReadinessMigrations
from .readiness_status import ReadinessStatus

__all__ = (
    "AccountCreate",
    "AccountCreateRole",
    "AccountOut",
    "AccountOutRole",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyOut",
    "FieldError",
    "Health",
    "ListAccountsRoleType1",
    "ListAccountsRoleType2Type1",
    "ListAccountsRoleType3Type1",
    "ListOfAccountOut",
    "ListOfApiKeyOut",
    "Problem",
    "Readiness",
    "ReadinessDatabase",
    "ReadinessMigrations",
    "ReadinessStatus",
)
