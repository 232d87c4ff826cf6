"""Contains all the data models used in inputs/outputs"""

from .accepted_limit import AcceptedLimit
from .account_create import AccountCreate
from .account_create_role import AccountCreateRole
from .account_list import AccountList
from .account_out import AccountOut
from .account_out_role import AccountOutRole
from .advance_clock import AdvanceClock
from .amount_limit import AmountLimit
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_list import ApiKeyList
from .api_key_out import ApiKeyOut
from .buyer_event import BuyerEvent
from .buyer_event_data import BuyerEventData
from .buyer_event_data_previous_attributes_type_0 import (
    BuyerEventDataPreviousAttributesType0,
)
from .buyer_event_type import BuyerEventType
from .buyer_fact_set_out import BuyerFactSetOut
from .buyer_facts import BuyerFacts
from .buyer_in import BuyerIn
from .buyer_limit_list import BuyerLimitList
from .buyer_limit_out import BuyerLimitOut
from .buyer_list import BuyerList
from .buyer_out import BuyerOut
from .buyer_out_status import BuyerOutStatus
from .buyer_risk import BuyerRisk
from .buyer_signal_list import BuyerSignalList
from .buyer_signal_out import BuyerSignalOut
from .buyer_signal_out_status_after import BuyerSignalOutStatusAfter
from .buyer_signal_out_status_before import BuyerSignalOutStatusBefore
from .buyer_signal_out_type import BuyerSignalOutType
from .buyer_status_out import BuyerStatusOut
from .buyer_status_out_status import BuyerStatusOutStatus
from .capacity import Capacity
from .claim_create import ClaimCreate
from .claim_create_cause import ClaimCreateCause
from .claim_event import ClaimEvent
from .claim_event_data import ClaimEventData
from .claim_event_data_previous_attributes_type_0 import (
    ClaimEventDataPreviousAttributesType0,
)
from .claim_event_type import ClaimEventType
from .claim_list import ClaimList
from .claim_out import ClaimOut
from .claim_out_cause import ClaimOutCause
from .claim_out_hold_reason_type_1 import ClaimOutHoldReasonType1
from .claim_out_hold_reason_type_2_type_1 import ClaimOutHoldReasonType2Type1
from .claim_out_hold_reason_type_3_type_1 import ClaimOutHoldReasonType3Type1
from .claim_out_status import ClaimOutStatus
from .claim_reject import ClaimReject
from .claim_reject_code import ClaimRejectCode
from .collection import Collection
from .counter_offer import CounterOffer
from .country import Country
from .cover_create import CoverCreate
from .cover_create_metadata import CoverCreateMetadata
from .cover_event import CoverEvent
from .cover_event_data import CoverEventData
from .cover_event_data_previous_attributes_type_0 import (
    CoverEventDataPreviousAttributesType0,
)
from .cover_event_type import CoverEventType
from .cover_list import CoverList
from .cover_out import CoverOut
from .cover_out_metadata import CoverOutMetadata
from .cover_out_status import CoverOutStatus
from .currency import Currency
from .currency_terms import CurrencyTerms
from .days_limit import DaysLimit
from .deadline_detail import DeadlineDetail
from .deadline_detail_name import DeadlineDetailName
from .deadlines import Deadlines
from .decline import Decline
from .decline_reason import DeclineReason
from .event_data import EventData
from .event_data_object import EventDataObject
from .event_data_previous_attributes_type_0 import EventDataPreviousAttributesType0
from .event_list import EventList
from .event_out import EventOut
from .event_with_deliveries import EventWithDeliveries
from .excluded_limit import ExcludedLimit
from .field_error import FieldError
from .health import Health
from .invoice import Invoice
from .invoice_event_create import InvoiceEventCreate
from .invoice_event_create_type import InvoiceEventCreateType
from .invoice_event_list import InvoiceEventList
from .invoice_event_out import InvoiceEventOut
from .invoice_event_out_type import InvoiceEventOutType
from .invoice_in import InvoiceIn
from .latest_signal import LatestSignal
from .latest_signal_type import LatestSignalType
from .limit_change import LimitChange
from .limit_in import LimitIn
from .list_accounts_role import ListAccountsRole
from .list_claims_status import ListClaimsStatus
from .list_covers_status import ListCoversStatus
from .list_events_type import ListEventsType
from .list_products_status import ListProductsStatus
from .list_quotes_status import ListQuotesStatus
from .offer_out import OfferOut
from .payment import Payment
from .payout_create import PayoutCreate
from .payout_list import PayoutList
from .payout_out import PayoutOut
from .pricing_terms import PricingTerms
from .problem import Problem
from .product_list import ProductList
from .product_out import ProductOut
from .product_out_status import ProductOutStatus
from .product_terms import ProductTerms
from .product_version_out import ProductVersionOut
from .quote_create import QuoteCreate
from .quote_create_metadata import QuoteCreateMetadata
from .quote_list import QuoteList
from .quote_out import QuoteOut
from .quote_out_metadata import QuoteOutMetadata
from .quote_out_status import QuoteOutStatus
from .ratio_limit import RatioLimit
from .ratios_limit import RatiosLimit
from .readiness import Readiness
from .readiness_database import ReadinessDatabase
from .readiness_migrations import ReadinessMigrations
from .readiness_status import ReadinessStatus
from .readiness_writes import ReadinessWrites
from .reason import Reason
from .recoveries import Recoveries
from .redeliver_request import RedeliverRequest
from .rejection import Rejection
from .rejection_code import RejectionCode
from .relationship_in import RelationshipIn
from .replay_out import ReplayOut
from .replay_request import ReplayRequest
from .risk import Risk
from .secret_rotation import SecretRotation
from .sector import Sector
from .signal_in import SignalIn
from .signal_in_type import SignalInType
from .webhook_attempt_out import WebhookAttemptOut
from .webhook_delivery_out import WebhookDeliveryOut
from .webhook_delivery_out_status import WebhookDeliveryOutStatus
from .webhook_endpoint_create import WebhookEndpointCreate
from .webhook_endpoint_create_enabled_events_item import (
    WebhookEndpointCreateEnabledEventsItem,
)
from .webhook_endpoint_deleted import WebhookEndpointDeleted
from .webhook_endpoint_deleted_status import WebhookEndpointDeletedStatus
from .webhook_endpoint_event import WebhookEndpointEvent
from .webhook_endpoint_event_data import WebhookEndpointEventData
from .webhook_endpoint_event_data_previous_attributes_type_0 import (
    WebhookEndpointEventDataPreviousAttributesType0,
)
from .webhook_endpoint_event_type import WebhookEndpointEventType
from .webhook_endpoint_list import WebhookEndpointList
from .webhook_endpoint_out import WebhookEndpointOut
from .webhook_endpoint_out_status import WebhookEndpointOutStatus
from .webhook_endpoint_update import WebhookEndpointUpdate
from .webhook_endpoint_update_enabled_events_type_0_item import (
    WebhookEndpointUpdateEnabledEventsType0Item,
)
from .webhook_endpoint_update_status_type_0 import WebhookEndpointUpdateStatusType0
from .webhook_endpoint_with_secret import WebhookEndpointWithSecret
from .webhook_endpoint_with_secret_status import WebhookEndpointWithSecretStatus

__all__ = (
    "AcceptedLimit",
    "AccountCreate",
    "AccountCreateRole",
    "AccountList",
    "AccountOut",
    "AccountOutRole",
    "AdvanceClock",
    "AmountLimit",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyList",
    "ApiKeyOut",
    "BuyerEvent",
    "BuyerEventData",
    "BuyerEventDataPreviousAttributesType0",
    "BuyerEventType",
    "BuyerFacts",
    "BuyerFactSetOut",
    "BuyerIn",
    "BuyerLimitList",
    "BuyerLimitOut",
    "BuyerList",
    "BuyerOut",
    "BuyerOutStatus",
    "BuyerRisk",
    "BuyerSignalList",
    "BuyerSignalOut",
    "BuyerSignalOutStatusAfter",
    "BuyerSignalOutStatusBefore",
    "BuyerSignalOutType",
    "BuyerStatusOut",
    "BuyerStatusOutStatus",
    "Capacity",
    "ClaimCreate",
    "ClaimCreateCause",
    "ClaimEvent",
    "ClaimEventData",
    "ClaimEventDataPreviousAttributesType0",
    "ClaimEventType",
    "ClaimList",
    "ClaimOut",
    "ClaimOutCause",
    "ClaimOutHoldReasonType1",
    "ClaimOutHoldReasonType2Type1",
    "ClaimOutHoldReasonType3Type1",
    "ClaimOutStatus",
    "ClaimReject",
    "ClaimRejectCode",
    "Collection",
    "CounterOffer",
    "Country",
    "CoverCreate",
    "CoverCreateMetadata",
    "CoverEvent",
    "CoverEventData",
    "CoverEventDataPreviousAttributesType0",
    "CoverEventType",
    "CoverList",
    "CoverOut",
    "CoverOutMetadata",
    "CoverOutStatus",
    "Currency",
    "CurrencyTerms",
    "DaysLimit",
    "DeadlineDetail",
    "DeadlineDetailName",
    "Deadlines",
    "Decline",
    "DeclineReason",
    "EventData",
    "EventDataObject",
    "EventDataPreviousAttributesType0",
    "EventList",
    "EventOut",
    "EventWithDeliveries",
    "ExcludedLimit",
    "FieldError",
    "Health",
    "Invoice",
    "InvoiceEventCreate",
    "InvoiceEventCreateType",
    "InvoiceEventList",
    "InvoiceEventOut",
    "InvoiceEventOutType",
    "InvoiceIn",
    "LatestSignal",
    "LatestSignalType",
    "LimitChange",
    "LimitIn",
    "ListAccountsRole",
    "ListClaimsStatus",
    "ListCoversStatus",
    "ListEventsType",
    "ListProductsStatus",
    "ListQuotesStatus",
    "OfferOut",
    "Payment",
    "PayoutCreate",
    "PayoutList",
    "PayoutOut",
    "PricingTerms",
    "Problem",
    "ProductList",
    "ProductOut",
    "ProductOutStatus",
    "ProductTerms",
    "ProductVersionOut",
    "QuoteCreate",
    "QuoteCreateMetadata",
    "QuoteList",
    "QuoteOut",
    "QuoteOutMetadata",
    "QuoteOutStatus",
    "RatioLimit",
    "RatiosLimit",
    "Readiness",
    "ReadinessDatabase",
    "ReadinessMigrations",
    "ReadinessStatus",
    "ReadinessWrites",
    "Reason",
    "Recoveries",
    "RedeliverRequest",
    "Rejection",
    "RejectionCode",
    "RelationshipIn",
    "ReplayOut",
    "ReplayRequest",
    "Risk",
    "SecretRotation",
    "Sector",
    "SignalIn",
    "SignalInType",
    "WebhookAttemptOut",
    "WebhookDeliveryOut",
    "WebhookDeliveryOutStatus",
    "WebhookEndpointCreate",
    "WebhookEndpointCreateEnabledEventsItem",
    "WebhookEndpointDeleted",
    "WebhookEndpointDeletedStatus",
    "WebhookEndpointEvent",
    "WebhookEndpointEventData",
    "WebhookEndpointEventDataPreviousAttributesType0",
    "WebhookEndpointEventType",
    "WebhookEndpointList",
    "WebhookEndpointOut",
    "WebhookEndpointOutStatus",
    "WebhookEndpointUpdate",
    "WebhookEndpointUpdateEnabledEventsType0Item",
    "WebhookEndpointUpdateStatusType0",
    "WebhookEndpointWithSecret",
    "WebhookEndpointWithSecretStatus",
)
