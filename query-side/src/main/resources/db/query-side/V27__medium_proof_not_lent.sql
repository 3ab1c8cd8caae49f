-- A medium whose wipe was followed by a failed wipe, or by its destruction, kept the wipe's proof (tool, report's
-- digest, date), which the donor's report and certificate printed beside "failed" or "destroyed". The projection
-- now forgets it; the rows written before are put right here, as a rebuild of the inventory would, without one:
-- a failed medium keeps no proof, a destroyed one only its destruction's date.
update inventory_medium
   set sanitisation_level = null, sanitisation_technique = null, sanitisation_tool = null,
       sanitisation_tool_version = null, verification_method = null, sanitisation_operator = null,
       tool_report_sha256 = null, erased_at = null
 where erasure_status = 'FAILED'
   and (sanitisation_level is not null or sanitisation_tool is not null or tool_report_sha256 is not null
        or erased_at is not null);

update inventory_medium
   set sanitisation_level = null, sanitisation_technique = null, sanitisation_tool = null,
       sanitisation_tool_version = null, verification_method = null, sanitisation_operator = null,
       tool_report_sha256 = null
 where erasure_status = 'DESTROYED'
   and (sanitisation_level is not null or sanitisation_tool is not null or tool_report_sha256 is not null);
