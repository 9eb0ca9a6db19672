package dev.hadoopkit.workflow.definition;

/**
 * The error codes of Oozie's workflow parser and LiteWorkflowValidator (E07xx) and of its coordinator (E10xx) and
 * bundle (E13xx) submission, kept identical because they are what
 * users search for. Each carries Oozie's summary; our messages add the node, the place and the fix.
 */
public enum ErrorCode {
  E0700("XML error"),
  E0701("XML schema error"),
  E0702("IO error"),
  E0703("Invalid workflow element"),
  E0705("Node already defined"),
  E0706("Node cannot transition to itself"),
  E0707("Loop detected at parsing"),
  E0708("Invalid transition"),
  E0710("Could not read the workflow definition"),
  E0711("Invalid application URI"),
  E0720("Fork/join mismatch"),
  E0723("Unsupported action type"),
  E0724("Invalid node name"),
  E0729("Kill node message"),
  E0730("Fork/Join not in pair"),
  E0731("Fork node cannot have less than two paths"),
  E0732("Fork/Join not in pair (wrong join)"),
  E0733("Fork without a join"),
  E0734("Invalid transition while using fork/join"),
  E0735("Invalid \"error to\" transition while using fork/join"),
  E0737("Nodes of type 'end' are not allowed within Fork/Join"),
  E0738("Required parameters were not defined and have no default value"),
  E0739("Parameter name cannot be empty"),
  E0742("No Fork for Join to pair with"),
  E0743("Multiple \"ok to\" transitions to the same node are not allowed"),
  E0744("A fork is not allowed to have multiple transitions to the same node"),
  E0757("Fork node has multiple joins"),
  E0758("Join node has multiple forks"),
  EL_ERROR("Expression language error"),
  E0803("IO error"),
  E0805("Workflow job not completed"),
  E0807("Some skip actions were not executed"),
  // coordinators (Oozie's CoordSubmitXCommand, CoordELFunctions, the input checks)
  E1001("Could not read the coordinator job definition"),
  E1002("Invalid coordinator application URI"),
  E1003("Invalid coordinator application attributes"),
  E1004("Expression language evaluation error"),
  E1021("Coord Action Input Check Error"),
  E1028("Coord input logic error"),
  // bundles (BundleSubmitXCommand)
  E1301("Could not read the bundle job definition"),
  E1302("Invalid bundle application URI"),
  E1303("Invalid bundle application attributes"),
  E1304("Duplicate bundle application coordinator name"),
  E1305("Empty bundle application coordinator name."),
  E1310("Bundle Job submission Error"),
  E1319("Invalid bundle coord job namespace");

  private final String summary;

  ErrorCode(String summary) {
    this.summary = summary;
  }

  public String summary() {
    return summary;
  }
}
